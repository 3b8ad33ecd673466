/** The Cloudflare Workers entry point: the app, and the Durable Object that writes. */
import { createApp } from './app';

export { DocumentWriter } from './writer';

const app = createApp();

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
