import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

/**
 * `liqloop completion bash|zsh|fish`: a script that asks `liqloop __complete` for the candidates on each
 * Tab, so commands, options, preset ids (user presets too) and `--set`/`--param` field paths always match
 * the installed liqloop. Install lines are in each script's first comment and in the README.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** The hidden command the scripts call (src/cli/complete.ts answers it). */
export const COMPLETE_COMMAND = '__complete';
export type Shell = (typeof SHELLS)[number];

const BASH = `# liqloop completion for bash. Load it in ~/.bashrc:  eval "$(liqloop completion bash)"
_liqloop() {
  # The words up to the cursor, split at spaces only (bash's own words split at "=" too).
  local line=\${COMP_LINE:0:COMP_POINT}
  local -a words
  read -ra words <<< "$line"
  [[ $line == *[[:space:]] ]] && words+=("")
  local cur=\${words[\${#words[@]}-1]}
  local IFS=$'\\n'
  local -a found=($(liqloop __complete "\${words[@]:1}" 2>/dev/null))
  COMPREPLY=()
  local candidate files=0 nospace=0
  for candidate in "\${found[@]}"; do
    if [[ $candidate == :files ]]; then files=1; continue; fi
    [[ $candidate == *= ]] && nospace=1
    COMPREPLY+=("$candidate")
  done
  if (( files )); then COMPREPLY+=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; fi
  (( nospace )) && compopt -o nospace 2>/dev/null
  return 0
}
complete -F _liqloop liqloop
`;

const ZSH = `#compdef liqloop
# liqloop completion for zsh. Load it in ~/.zshrc (after compinit):  eval "$(liqloop completion zsh)"
# or save it as _liqloop in a directory of your $fpath.
_liqloop() {
  local -a found plain equals
  local files=0 candidate
  found=("\${(@f)$(liqloop __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for candidate in "\${found[@]}"; do
    if [[ $candidate == :files ]]; then files=1
    elif [[ $candidate == *= ]]; then equals+=("$candidate")
    elif [[ -n $candidate ]]; then plain+=("$candidate")
    fi
  done
  (( \${#plain} )) && compadd -- "\${plain[@]}"
  (( \${#equals} )) && compadd -S '' -- "\${equals[@]}"
  (( files )) && _files
  return 0
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then _liqloop "$@"; else compdef _liqloop liqloop; fi
`;

const FISH = `# liqloop completion for fish. Load it:  liqloop completion fish > ~/.config/fish/completions/liqloop.fish
function __liqloop_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    for candidate in (liqloop __complete $words[2..-1] "$cur" 2>/dev/null)
        if test "$candidate" = :files
            __fish_complete_path "$cur"
        else
            echo $candidate
        end
    end
end
complete -c liqloop -f -a '(__liqloop_complete)'
`;

export const COMPLETION_SCRIPTS: Readonly<Record<Shell, string>> = { bash: BASH, zsh: ZSH, fish: FISH };

export function completionCommand(shell: string, io: CliIo): number {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    io.err(`liqloop: no completion for ${JSON.stringify(shell)}; expected one of ${SHELLS.join(', ')}\n`);
    return EXIT_USAGE;
  }
  io.out(COMPLETION_SCRIPTS[shell as Shell]);
  return EXIT_OK;
}
