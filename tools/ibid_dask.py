#!/usr/bin/python3
"""ibid_dask.py -- loads a folder into an ibid corpus on a Dask distributed cluster.

    tools/ibid_dask.py FOLDER --db corpus.db --scheduler tcp://host:8786 [--shards K]
    tools/ibid_dask.py FOLDER --db corpus.db --local 2        # a LocalCluster of 2 processes

Each Dask task builds one shard database with the extension from a contiguous share of the
files (the order of `ibid_files(FOLDER)`, cut by bytes: tools/ibid_parallel_load.py's
list_files/chunk/build_shard); the client gathers the shards in order and merges each
into corpus.db with sql/merge.sql as soon as it and those before it are done, while the
cluster goes on with the rest. The corpus is the one a single-process load of the same
files gives (docs/scale.md).

Where the files and shards live:
  * the workers read the files by the paths the client lists, so FOLDER must be the same
    path on every worker (one machine, or a shared file system: NFS, CephFS, Lustre);
  * by default each shard is written to --shard-dir (default: a scratch folder beside
    corpus.db), which must then be shared too; with --transfer a worker writes its shard
    to its own temporary folder and sends the bytes back to the client instead (no shared
    folder for shards; the client must hold one shard in memory at a time per task done);
  * every worker needs ibid.so at the --extension path (default: this checkout's).
Requires Debian's python3-distributed (Dask 2022.12 in Debian 12).

From Python:

    from distributed import Client
    import ibid_dask
    with Client('tcp://host:8786') as client:
        summary = ibid_dask.load('papers/', 'corpus.db', client, shards=64)
"""
import argparse, os, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ibid_parallel_load as parallel  # noqa: E402


def _shard_task(paths, shard_path, extension, transfer):
    """Runs on a worker: builds a shard; returns its path, or its bytes with transfer."""
    import os as os_, tempfile as tempfile_
    if not transfer:
        return parallel.build_shard(paths, shard_path, extension, fulltext=False)
    with tempfile_.TemporaryDirectory(prefix='ibid-shard-') as folder:
        local = os_.path.join(folder, os_.path.basename(shard_path))
        _, loaded, skipped, failed = parallel.build_shard(paths, local, extension, fulltext=False)
        with open(local, 'rb') as f:
            return f.read(), loaded, skipped, failed


def load(folder, db_path, client, shards=None, shard_dir=None, extension=parallel.EXTENSION,
         transfer=False, progress=None):
    """Loads folder into the corpus at db_path on the Dask cluster of `client`; returns a
    summary dict: files, loaded, skipped, failed [(path, error)], shards, seconds,
    merge_seconds (time the client spent merging)."""
    try:
        import cloudpickle
        cloudpickle.register_pickle_by_value(parallel)  # workers need not import these
        if __name__ != '__main__':
            cloudpickle.register_pickle_by_value(sys.modules[__name__])
    except (ImportError, AttributeError):
        client.upload_file(parallel.__file__)
        client.upload_file(os.path.abspath(__file__))
    started = time.perf_counter()
    files = parallel.list_files(folder, db_path, extension)
    workers = max(1, len(client.scheduler_info().get('workers', {})) or 1)
    chunks = parallel.chunk(files, shards or workers * 4)
    summary = {'files': len(files), 'loaded': 0, 'skipped': 0, 'failed': [],
               'shards': len(chunks), 'merge_seconds': 0.0}
    db = parallel.connect(db_path, extension)
    try:
        db.execute('PRAGMA cache_size = -65536')  # 64 MB: the writer's indexes stay in memory
        db.execute('SELECT ibid_init()')
        scratch = shard_dir or os.path.dirname(os.path.abspath(db_path))
        os.makedirs(scratch, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix='ibid-shards-', dir=scratch) as folder_:
            futures = [client.submit(_shard_task, paths, os.path.join(folder_, 'shard%05d.db' % i),
                                     extension, transfer, pure=False, key='ibid-shard-%d-%s' % (
                                         i, os.urandom(4).hex()))
                       for i, paths in enumerate(chunks)]
            for i, future in enumerate(futures):
                shard, loaded, skipped, failed = future.result()
                future.release()
                merge_started = time.perf_counter()
                shard_path = os.path.join(folder_, 'shard%05d.db' % i)
                if transfer:
                    with open(shard_path, 'wb') as f:
                        f.write(shard)
                parallel.merge_shard(db, shard_path)
                os.remove(shard_path)
                summary['merge_seconds'] += time.perf_counter() - merge_started
                summary['loaded'] += loaded
                summary['skipped'] += skipped
                summary['failed'] += failed
                if progress:
                    progress('%d/%d shards merged, %d documents' % (i + 1, len(chunks),
                                                                    summary['loaded']))
    finally:
        db.close()
    summary['seconds'] = time.perf_counter() - started
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    parser.add_argument('folder')
    parser.add_argument('--db', required=True, help='the corpus database (created if missing)')
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument('--scheduler', help='address of a running Dask scheduler')
    where.add_argument('--local', type=int, metavar='N',
                       help='start a LocalCluster of N worker processes')
    parser.add_argument('--shards', type=int, help='number of shards (default: 4 per worker)')
    parser.add_argument('--shard-dir', help='folder for the shards, visible to workers and client')
    parser.add_argument('--transfer', action='store_true',
                        help='send shards back to the client as bytes (no shared shard folder)')
    parser.add_argument('--extension', default=parallel.EXTENSION,
                        help='path of ibid.so on the workers, without .so')
    args = parser.parse_args(argv)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        sys.exit('ibid_dask: needs Dask distributed: apt-get install python3-distributed')
    if args.local:
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(args.scheduler)
    try:
        summary = load(args.folder, args.db, client, args.shards, args.shard_dir, args.extension,
                       args.transfer, progress=print)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print('ibid: %d of %d files loaded in %.1f s (%.1f documents/s; %d shards, merge %.1f s)' % (
        summary['loaded'], summary['files'], summary['seconds'],
        summary['loaded'] / max(summary['seconds'], 1e-3), summary['shards'],
        summary['merge_seconds']))
    for path, error in summary['failed']:
        print('not loaded: %s: %s' % (path, error))
    return 1 if summary['failed'] else 0


if __name__ == '__main__':
    sys.exit(main())
