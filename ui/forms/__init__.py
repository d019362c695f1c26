"""Forms that write to the warehouse, one module per area."""
