"""Font programs kept on disk: made once, read back after, written whole; a read-only cache only means
they are made again; the cache folder follows XDG_CACHE_HOME."""

from __future__ import annotations

from tagprint.fonts import cache_folder, instance_cache, kept_on_disk


def test_the_cache_folder_follows_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder("subsets") == tmp_path / "tagprint" / "subsets"
    assert instance_cache() == tmp_path / "tagprint" / "instances"


def test_kept_bytes_are_made_once_and_read_back(tmp_path):
    made = []

    def make() -> bytes:
        made.append(1)
        return b"program"

    cached = tmp_path / "kept" / "key.bin"
    assert kept_on_disk(cached, make) == b"program" == kept_on_disk(cached, make)
    assert made == [1] and cached.read_bytes() == b"program"
    assert [p.name for p in cached.parent.iterdir()] == ["key.bin"]  # no temporary file left


def test_a_cache_that_cannot_be_written_makes_them_again(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_bytes(b"")  # a file where the cache folder would be: writing there fails
    made = []
    assert kept_on_disk(blocked / "key.bin", lambda: made.append(1) or b"x") == b"x"
    assert kept_on_disk(blocked / "key.bin", lambda: made.append(1) or b"x") == b"x"
    assert made == [1, 1]
