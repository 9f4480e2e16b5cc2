import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ClientState } from 'marketprophit-rx';

/** The connection state as a coloured badge. */
@Component({
  selector: 'app-connection-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [attr.data-state]="state()">{{ state() }}</span>`,
  styles: `
    .badge {
      border-radius: 1rem;
      padding: 0.1rem 0.7rem;
      background: #ddd;
    }
    .badge[data-state='connected'] {
      background: #b7ebc6;
    }
    .badge[data-state='reconnecting'],
    .badge[data-state='failed'] {
      background: #f6c4c4;
    }
  `,
})
export class ConnectionBadgeComponent {
  readonly state = input.required<ClientState>();
}
