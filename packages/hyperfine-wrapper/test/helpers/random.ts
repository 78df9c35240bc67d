import { random } from '../../src/random.ts';

export const { mulberry32, normal } = random;
