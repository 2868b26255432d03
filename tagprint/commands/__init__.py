"""The commands a user runs: `render.py` and its subcommands (cli), `watch`, `schema` and `new` (authoring),
spoken proofs (speech) and page previews (preview). They call the stages; no stage imports them."""
