// The verdict engine: one vocabulary and one findings pipeline for every cloud and entry point.
export * from './verdict';
export * from './rule';
export * from './acknowledgements';
export * from './pipeline';
