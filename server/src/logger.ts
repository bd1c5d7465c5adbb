import type { FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';
import type { Config } from './config.js';

/** Fastify's logger settings (pino's options, with a `stream` to write to). */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Where the server's log lines go: stdout, or a stand-in with the same two properties. */
export type LogOutput = NodeJS.WritableStream & { isTTY?: boolean };

/** Whether log lines are written for a person: `pretty` always, `auto` on a terminal, `json` never. */
export function wantsPrettyLogs(format: Config['logFormat'], output: LogOutput): boolean {
  return format === 'pretty' || (format === 'auto' && output.isTTY === true);
}

/**
 * Fastify's `logger` option for `config`: pino's JSON lines on stdout, or the same records made readable by
 * pino-pretty (colored on a terminal) when {@link wantsPrettyLogs}.
 */
export function loggerOptions(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  output: LogOutput = process.stdout,
): LoggerOptions {
  if (!wantsPrettyLogs(config.logFormat, output)) return { level: config.logLevel };
  return {
    level: config.logLevel,
    stream: pretty({
      destination: output,
      colorize: output.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
    }),
  };
}
