"""Records: the frozen attrs types of the data, one module per family; they know nothing of loading or queries."""
