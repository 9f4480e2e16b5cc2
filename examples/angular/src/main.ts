import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

// The example's server says where Market Prophit is (its local server, on a fixed port). An app
// talking to the real API would leave `url` out and bootstrap at once.
fetch('/config.json')
  .then((response) => response.json() as Promise<{ url: string }>)
  .then(({ url }) => bootstrapApplication(AppComponent, appConfig(url)))
  .catch((error: unknown) => console.error(error));
