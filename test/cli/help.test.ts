import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../cli/main';
import { oneLineError } from '../../cli/errors';

/** The help text a user sees for a command, including the examples added after it. */
function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => { text += s; }, writeErr: (s) => { text += s; } });
  command.outputHelp();
  return text;
}

const program = buildProgram();
const commands = program.commands.filter((c) => c.name() !== 'help');

describe('every command explains itself', () => {
  it.each(commands.map((c) => [c.name(), c] as const))('%s has a one-line purpose, examples, and a default for every option', (_name, command) => {
    expect(command.summary() || command.description()).toMatch(/^[a-z]/);
    const help = helpOf(command);
    expect(help).toMatch(/\nExamples?:\n {2}meshsim /);
    for (const option of command.options) {
      if (option.long === '--help') continue;
      // Flags (no value) are off unless given; required options say so; every other one states its default.
      if (option.isBoolean() || option.negate || option.mandatory) continue;
      expect(/\(default/.test(option.description) || option.defaultValue !== undefined, `${command.name()} ${option.long} states its default`).toBe(true);
    }
    expect(help).not.toContain('(default: "');
  });

  it('spells the options shared by several commands the same way', () => {
    const seen = new Map<string, string>();
    for (const command of commands) {
      for (const option of command.options) {
        const flags = option.flags;
        const previous = seen.get(option.long!);
        if (previous !== undefined && option.long !== '--vary') expect(flags, `${command.name()} ${option.long}`).toBe(previous);
        seen.set(option.long!, flags);
      }
    }
  });
});

describe('oneLineError', () => {
  it("turns commander's errors into one line with a hint", () => {
    expect(oneLineError("error: unknown option '--sed'\n(Did you mean --seed?)\n", 'meshsim run')).toBe("meshsim: unknown option '--sed' (hint: did you mean --seed?)");
    expect(oneLineError("error: missing required argument 'file'\n", 'meshsim run')).toBe("meshsim: missing required argument 'file' (hint: meshsim run --help)");
  });
});
