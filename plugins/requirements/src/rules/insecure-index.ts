import { defineRule } from '../rule.js';

/** A package index or link location is used over plain HTTP, or TLS verification is turned off. */
export const insecureIndex = defineRule('insecure-index', {
  description: 'A package index or link location is used over plain HTTP, or TLS verification is turned off.',
  defaultSeverity: 'high',
  messages: {
    http: '{{option}} {{url}} uses plain HTTP: anyone on the network path can swap packages',
    trustedHost: '--trusted-host {{host}} turns off TLS verification for that host',
    noVerify: 'Source {{url}} has verify_ssl = false: TLS verification is off',
  },
  tags: ['supply-chain', 'transport'], cwe: ['CWE-319'],
});
