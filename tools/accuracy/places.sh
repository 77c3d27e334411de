#!/bin/sh
# places.sh - gazetteer figures for `make accuracy`: consistency of data/places and coverage of
# the capitals and major cities named in $PEERS/CountryInfo (tools/check-places.sh).
here=$(cd "$(dirname "$0")" && pwd)
PEERS="$PEERS" sh "$here/../check-places.sh" "$here/../../data/places"
