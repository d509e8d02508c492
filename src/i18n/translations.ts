// Every language besides Swedish, one line each: `export { fi } from './fi.ts';`, where fi.ts
// exports its LocaleDefinition under the language's code. locales.ts derives the rest.
export { en } from './en.ts';
