// The server render (SSR): the same app on the server platform, where marketprophit-rx/angular opens
// nothing (no token request, no socket), so the HTML carries the widget's initial state and the
// browser goes live after hydration. server/serve.cjs calls `render` for every page request.
import { mergeApplicationConfig } from '@angular/core';
import { bootstrapApplication, type BootstrapContext } from '@angular/platform-browser';
import { provideServerRendering, renderApplication } from '@angular/platform-server';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

// On the server the client is inert, so no Market Prophit url is needed.
const serverConfig = mergeApplicationConfig(appConfig(''), { providers: [provideServerRendering()] });

const bootstrap = (context: BootstrapContext) => bootstrapApplication(AppComponent, serverConfig, context);

/** The page's HTML for `url`, rendered into `document` (the built index.html). */
export const render = (url: string, document: string): Promise<string> =>
  renderApplication(bootstrap, { url, document });

export default bootstrap;
