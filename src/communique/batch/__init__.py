"""Batch runners: all cores of this machine, or a Dask cluster."""
