# sitrep.bash - bash completion for sitrep: commands, each command's options, the values of
# options that take a fixed set (formats, input kinds, modalities, PLOVER types, CAMEO roots)
# and file or directory names where a path goes. Commands and options are read from the
# program itself (`sitrep help`, `sitrep COMMAND --help`), so they never go stale.
# `make install` puts it in PREFIX/share/bash-completion/completions/sitrep; to try it from
# the source tree: source completion/sitrep.bash

_sitrep_commands()
{
    "$1" help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'
}

_sitrep_options()
{
    "$1" "$2" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u
}

_sitrep()
{
    local cur prev program command i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    program=${COMP_WORDS[0]}
    command=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) command=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $command ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_sitrep_commands "$program") --help --version" -- "$cur")
        return
    fi
    # the value of an option
    case $prev in
        --format)
            case $command in
                code) mapfile -t COMPREPLY < <(compgen -W "jsonl pretty" -- "$cur") ;;
                query) mapfile -t COMPREPLY < <(compgen -W "table json csv" -- "$cur") ;;
                export) mapfile -t COMPREPLY < <(compgen -W "gdelt plover jsonl" -- "$cur") ;;
            esac
            return ;;
        --input) mapfile -t COMPREPLY < <(compgen -W "jsonl html text" -- "$cur"); return ;;
        --dict-format | --from) mapfile -t COMPREPLY < <(compgen -W "tabari petrarch" -- "$cur"); return ;;
        --modality)
            mapfile -t COMPREPLY < <(compgen -W "asserted negated planned possible hypothetical" -- "$cur")
            return ;;
        --attribution)
            mapfile -t COMPREPLY < <(compgen -W "named official organization document publisher none" -- "$cur")
            return ;;
        --plover)
            mapfile -t COMPREPLY < <(compgen -W "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT
                REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT" -- "$cur")
            return ;;
        --root)
            mapfile -t COMPREPLY < <(compgen -W "01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20" -- "$cur")
            return ;;
        --passes) mapfile -t COMPREPLY < <(compgen -W "1 2" -- "$cur"); return ;;
        --dict | --web | --wordnet)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            return ;;
        --db | --model | --train | --dev | --out | --verbs | --actors | --agents | --discards)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return ;;
        --jobs | -j | --published | --since | --until | --actor | --source | --target | --cameo | \
            --country | --text | --limit | --top | --port | --host | --threads | --timeout | \
            --max-connections | --connection-memory | --memory-limit | --sentence | --batch | \
            --shard | --max-per-address | --header-timeout | --allow-host | \
            --dedup-days | --epochs | --seed | --drop | --min-count)
            return ;; # a value of the user's own
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_sitrep_options "$program" "$command")" -- "$cur")
        return
    fi
    case $command in
        help) mapfile -t COMPREPLY < <(compgen -W "$(_sitrep_commands "$program")" -- "$cur") ;;
        dict) [[ $prev == dict ]] && mapfile -t COMPREPLY < <(compgen -W "check import" -- "$cur") ;;
        patterns) [[ $prev == patterns ]] && mapfile -t COMPREPLY < <(compgen -W "check match" -- "$cur") ;;
        version | query | export | stats | serve) ;;
        *)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
    esac
}

complete -F _sitrep sitrep
