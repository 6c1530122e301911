export { run, buildProgram } from './program.js';
export { ExitCode } from './exit-codes.js';
export { exitStatus } from './exit-status.js';
