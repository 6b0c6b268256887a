// Resolving a compiled config's texts in a locale lives with the other result parts the generated 'full'
// level shares (src/codegen/resultParts.ts).
export { localizeTexts } from '../codegen/resultParts';
