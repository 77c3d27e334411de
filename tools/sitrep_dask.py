#!/usr/bin/python3
"""sitrep_dask.py - code and store a news archive on a Dask cluster (docs/scale.md).

Each Dask task is one shard: `sitrep code --shard I/N INPUT... | sitrep ingest --db DB
--coded -`. Shards are independent and storing is idempotent, so a task whose worker dies
is simply run again by Dask on another worker (`retries` more times on an ordinary failure).

usage: sitrep_dask.py --scheduler ADDRESS|--scheduler-file FILE --db URL [--shards N]
                      [--batch B] [--sitrep PATH] [--dict DIR] [--retries R] INPUT...
Inputs and the sitrep program must be readable at the same paths on every worker (a shared
file system); the database URL must reach the PostgreSQL server from every worker. Prints
one line per shard and a total; exits 1 when a shard failed for good.
"""
import argparse
import subprocess
import sys

from distributed import Client


def code_and_store(shard, shards, inputs, db, sitrep, data_dir, batch):
    """Runs one shard on a worker; returns (shard, the ingest summary). Raises on failure so
    that Dask retries it."""
    code = [sitrep, "code", "--shard", f"{shard}/{shards}"]
    ingest = [sitrep, "ingest", "--db", db, "--batch", str(batch), "--coded", "-"]
    if data_dir:
        code += ["--dict", data_dir]
    coder = subprocess.Popen(code + list(inputs), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    store = subprocess.run(ingest, stdin=coder.stdout, capture_output=True, text=True)
    coder.stdout.close()
    code_errors = coder.stderr.read().decode("utf-8", "replace")
    coder.wait()
    summary = store.stderr.strip().splitlines()[-1:] or [""]
    # exit 1 from `code` with FILE:LINE messages only: bad records, the same on every try;
    # anything else (a signal, a database error) is worth another try
    if coder.returncode not in (0, 1) or store.returncode != 0:
        raise RuntimeError(f"shard {shard}/{shards}: code exited {coder.returncode}, "
                           f"ingest exited {store.returncode}: {store.stderr.strip()} "
                           f"{code_errors.strip()}")
    return shard, summary[0], code_errors.count("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheduler", help="the scheduler's address (tcp://HOST:PORT)")
    parser.add_argument("--scheduler-file", help="the file dask-scheduler wrote")
    parser.add_argument("--db", required=True, help="postgresql://... URL of the store")
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--batch", type=int, default=500, help="articles per transaction")
    parser.add_argument("--sitrep", default="sitrep")
    parser.add_argument("--dict", dest="data_dir", default=None)
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    if bool(args.scheduler) == bool(args.scheduler_file):
        parser.error("give --scheduler or --scheduler-file")
    client = Client(args.scheduler, timeout=60) if args.scheduler else Client(
        scheduler_file=args.scheduler_file, timeout=60)
    futures = client.map(code_and_store, range(args.shards), shards=args.shards,
                         inputs=args.inputs, db=args.db, sitrep=args.sitrep,
                         data_dir=args.data_dir, batch=args.batch, retries=args.retries,
                         pure=False)
    failed = 0
    for future in futures:
        try:
            shard, summary, bad_records = future.result()
            print(f"shard {shard}/{args.shards}: {summary} ({bad_records} records not coded)")
        except Exception as error:  # a shard that failed every try
            failed += 1
            print(f"sitrep_dask: {error}", file=sys.stderr)
    print(f"sitrep_dask: {args.shards - failed} of {args.shards} shards stored")
    client.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
