/**
 * `completion bash|zsh`: a completion script for the shell, made from the same command and
 * option definitions as the help (cli/main.ts, cli/options.ts), so the two cannot disagree.
 * Commands complete with their one-line description (zsh), options per command, and files
 * everywhere else.
 */
import { CliError } from './errors';
import type { CommandSpec } from './help';
import { describeOptions, TARGET_OPTIONS, type DescribedOption } from './options';

const SHELLS = ['bash', 'zsh'] as const;

/**
 * @example
 * completionScript('bash', commands); // '_belarus_release() { … }\ncomplete -o default -F …'
 */
export function completionScript(shell: string | undefined, commands: Record<string, CommandSpec>): string {
  if (shell === 'bash') return bash(commands);
  if (shell === 'zsh') return zsh(commands);
  throw new CliError(
    shell ? `No completion for the shell "${shell}".` : 'Which shell?',
    [],
    `Run \`belarus-release completion ${SHELLS.join('` or `belarus-release completion ')}\`.`,
  );
}

/** Every option a command takes, its target options included, with the help flag. */
function optionsOf(spec: CommandSpec): DescribedOption[] {
  const help: DescribedOption = { name: 'help', short: 'h', help: 'show this help' };
  return [...describeOptions({ ...spec.options, ...(spec.target ? TARGET_OPTIONS : {}) }), help];
}

function bash(commands: Record<string, CommandSpec>): string {
  const cases = Object.entries(commands).map(([name, spec]) => {
    const words = optionsOf(spec).flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]);
    return `    ${name}) opts="${words.join(' ')}" ;;`;
  });
  return `# belarus-release completion for bash: eval "$(npx belarus-release completion bash)"
_belarus_release() {
  local cur=\${COMP_WORDS[COMP_CWORD]} opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${Object.keys(commands).join(' ')} --version --help" -- "$cur"))
    return
  fi
  case \${COMP_WORDS[1]} in
${cases.join('\n')}
  esac
  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); fi
}
complete -o default -F _belarus_release belarus-release
`;
}

function zsh(commands: Record<string, CommandSpec>): string {
  const described = Object.entries(commands).map(([name, spec]) => `    ${quote(`${name}:${spec.about}`)}`);
  const cases = Object.entries(commands).map(([name, spec]) => {
    const specs = optionsOf(spec).flatMap((o) => {
      const about = `[${o.help.replaceAll('[', '(').replaceAll(']', ')')}]`;
      const value = o.value ? `:${o.value.replace(/[<>]/g, '')}:${o.name === 'out' ? '_files' : ''}` : '';
      return [`--${o.name}${about}${value}`, ...(o.short ? [`-${o.short}${about}${value}`] : [])].map(quote);
    });
    return `    ${name}) _arguments ${specs.join(' ')} '*:file:_files' ;;`;
  });
  return `#compdef belarus-release
# belarus-release completion for zsh: eval "$(npx belarus-release completion zsh)"
_belarus_release() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
${cases.join('\n')}
  esac
}
compdef _belarus_release belarus-release
`;
}

/** A word in single quotes for the shell: a quote inside becomes '\''. */
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
