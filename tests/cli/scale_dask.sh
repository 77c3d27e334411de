# scale_dask.sh - placeholder
