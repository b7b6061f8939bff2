// The checker's texts as the build hands them to a page: a locale file's `spf`
// section (tools/sxs/locales/<code>.yml), English where it lacks a key.

import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { localize } from '../../../docs/assets/spf/i18n.js';

const DIR = new URL('../../../tools/sxs/locales/', import.meta.url);

/** Every locale with a file: ko, en, zh-CN, ar... */
export const LOCALES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).map((f) => f.slice(0, -'.yml'.length)).sort();

const section = (code) => load(readFileSync(new URL(`${code}.yml`, DIR), 'utf8')).spf || {};

/** The `spf` texts of a locale, English filling the keys it lacks. */
export const spfTexts = (code) => ({ ...section('en'), ...section(code) });

/** The checker's words in a locale, as the widget gets them. */
export const spf = (code) => localize(spfTexts(code), code);
