// The process's Prometheus metrics (prom-client), served at /metriques (web/metrics-route.ts). Defined once here so
// that every layer counts into the same registry: server.ts times requests (the page cache's fast path included),
// the jobs runner counts failures, the mail handler counts mails sent. Database figures (queue depth, failed jobs)
// are read when the metrics are scraped, not kept here. With --workers, the master adds up every worker's.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'tisse_' });

export const httpRequests = new Counter({
  name: 'tisse_http_requests_total',
  help: 'HTTP requests answered, by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'tisse_http_request_duration_seconds',
  help: 'Time from the request to the end of its answer, by route pattern',
  labelNames: ['route'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const pageCacheLookups = new Counter({
  name: 'tisse_page_cache_lookups_total',
  help: 'Page cache lookups of public GET requests, by result (hit or miss)',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

export const jobFailures = new Counter({
  name: 'tisse_job_failures_total',
  help: 'Job runs that failed (retried later or given up), by job type',
  labelNames: ['type', 'final'] as const,
  registers: [metricsRegistry],
});

export const mailsSent = new Counter({
  name: 'tisse_mails_sent_total',
  help: 'Mails handed to the SMTP server',
  registers: [metricsRegistry],
});

/**
 * Figures read from the database when scraped: the same for every process, so they are not added up across
 * workers (a registry of their own, appended to the process's or the cluster's).
 */
export const databaseRegistry = new Registry();

export const jobsByStatus = new Gauge({
  name: 'tisse_jobs',
  help: 'Jobs in the queue by status (queued, running, failed), read from the database when scraped',
  labelNames: ['status'] as const,
  registers: [databaseRegistry],
});
