/**
 * Injected on demand (activeTab + scripting.executeScript) into a page the content script does not cover: reads the
 * page with the site's extractor, or the generic one (JSON-LD Person, microdata, OpenGraph, headings), and returns
 * the Profile to the background. It never judges and sends nothing anywhere.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractProfile } from '@/lib/extractors';

export default defineUnlistedScript(() => extractProfile(document, { url: location.href }));
