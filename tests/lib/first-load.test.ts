import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartLibrariesIn, isFieldRoute, routeKind } from './first-load';

/** The chart detector against the libraries' own minified builds, and what is not a chart library. */
const require = createRequire(import.meta.url);
/** A file of an installed package (read by path: react-dom's exports map hides its cjs builds). */
const minified = (pkg: string, file: string) => readFileSync(resolve(dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8');

describe('chartLibrariesIn', () => {
  it('recognises minified echarts (which bundles zrender) and zrender alone', () => {
    expect(chartLibrariesIn(minified('echarts', 'dist/echarts.min.js'))).toEqual(['echarts', 'zrender']);
    expect(chartLibrariesIn(minified('zrender', 'dist/zrender.min.js'))).toEqual(['zrender']);
  });

  it('finds nothing in the framework or antd', () => {
    expect(chartLibrariesIn(minified('react-dom', 'cjs/react-dom-client.production.js'))).toEqual([]);
    expect(chartLibrariesIn(minified('antd', 'dist/antd.min.js'))).toEqual([]);
  });
});

describe('routeKind', () => {
  it('puts /login and the /m pages in the field budget, /matters (which starts with /m) in the office one', () => {
    expect(['/login', '/m', '/m/visit'].map(routeKind)).toEqual(['field', 'field', 'field']);
    expect(['/', '/matters', '/mx', '/province'].map(routeKind)).toEqual(['office', 'office', 'office', 'office']);
    expect(isFieldRoute('/login/x')).toBe(false);
  });
});
