/** The built viewer page (vite-plugin-viewer.ts): the template src/export/webPage.ts fills with a map. */
declare module 'virtual:journeyboard-viewer' {
  const template: string;
  export default template;
}
