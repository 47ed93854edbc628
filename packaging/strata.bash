# bash completion of strata (installed as share/bash-completion/completions/strata)
_strata() {
  local cur prev commands
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  commands="check verify rules parse normalize inspect"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur") $(compgen -f -- "$cur"))
    return
  fi
  case "$prev" in
    -f|--format) COMPREPLY=($(compgen -W "text tty full json sarif" -- "$cur")); return ;;
    -t|--failure-threshold) COMPREPLY=($(compgen -W "error warning info style ignore none" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --as) COMPREPLY=($(compgen -W "dockerfile" -- "$cur")); return ;;
    -c|--config|-o|--output|--library|--dockerfile) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --source|--emit-docs) COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    local opts
    opts="$(strata "${COMP_WORDS[1]}" --help 2>/dev/null | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u)"
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _strata strata
