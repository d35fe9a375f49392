// The card worker: owns the reader and the card session. Its API is card-api.ts.
import * as Comlink from 'comlink';
import { createCardApi } from './card-api.ts';

Comlink.expose(createCardApi());
