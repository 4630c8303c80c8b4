import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { i18n } from '../src/i18n';
import { messages } from '../src/locales/en.po';

// Unit tests read the interface in English, as a first visit from an English browser does.
i18n.loadAndActivate({ locale: 'en', messages });
