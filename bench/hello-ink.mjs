// The reference of `npm run bench`'s first-frame row (bench/startup.mjs): a bare Ink hello-world, as anyone
// would write it, importing ink and react from node_modules. It draws one line and waits to be killed.
// React's production build, as the CLI chooses it (src/cli/open-app.ts): set before React is imported.
process.env.NODE_ENV ??= 'production';
const { createElement } = await import('react');
const { render, Text } = await import('ink');

render(createElement(Text, null, 'Hello, world'));
// Keep running like an app waiting for keys, until the bench kills it.
setInterval(() => {}, 1 << 30);
