/**
 * What the zod schemas share. They use zod/mini, a third of zod's size (the CLI loads its schemas at every
 * start), which leaves messages to a locale: importing this module configures zod's English one, so a
 * refusal says what is wrong ("Too big: expected number to be <=65535", not "Invalid input").
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

/** A whole number from `min` to `max`. */
export const wholeNumber = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
