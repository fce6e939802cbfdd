"""MDX pages (Docusaurus and the like): the import and export statements
are code for the site's builder, never lesson text. The page is written for
this test."""

from __future__ import annotations

from build_course.diagnostics import Report
from build_course.importer.markdown_family import markdown_lessons

_PAGE = """---
title: Caring for Chickens
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

export const breeds = ['Sussex', 'Orpington'];

# Caring for Chickens

Hens need fresh water every day, and more of it in hot weather.

## Import from a breeder

Buy from a breeder who vaccinates the flock. Import from abroad needs a licence.
"""


def test_mdx_statements_go_and_prose_that_says_import_stays():
    [lesson] = markdown_lessons(_PAGE, Report("hens.mdx"))
    texts = [getattr(b, "text", "") for b in lesson.blocks]
    assert not any(t.startswith(("import ", "export ")) for t in texts)
    assert "Buy from a breeder who vaccinates the flock. Import from abroad needs a licence." \
        in texts
