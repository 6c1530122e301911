/**
 * A decompressor as the lazy member sources use it: given a way to read the compressed bytes
 * from their start, yields decompressed chunks in order. The consumer pulls only as many chunks
 * as it needs and abandons the generator (`return()`) to stop; a decoder must then release
 * everything it holds. A decoder may call `openInput` again to start over (xz does, when another
 * xz member took its decompression context); each call reads from the first compressed byte.
 *
 * Decoders throw plain errors for corrupt data; the caller turns them into `DECOMPRESS_ERROR`.
 */
export type Decoder = (openInput: () => AsyncIterable<Uint8Array>) => AsyncGenerator<Uint8Array, void, undefined>;
