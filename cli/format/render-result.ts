import type { Result } from '../../models/run/result';
import type { Format } from '../run-options';
import { resultCsv } from './result-csv';
import { resultMarkdown } from './result-md';
import { resultTable } from './result-table';

/** Render a run's result in the requested format. JSON is the stable, versioned contract. */
export function renderResult(result: Result, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'csv':
      return resultCsv(result);
    case 'md':
      return resultMarkdown(result);
    case 'table':
      return resultTable(result);
  }
}
