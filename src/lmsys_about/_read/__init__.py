"""Stage 1, reading: bytes in, blocks of text lines out.

``source`` turns bytes into text (BOM, line endings, UTF-8 errors, the size cap) and splits off the front
matter, keeping the body's line offset; ``markdown`` holds every markdown-it internal (the tuned parser, its
token streams, and the plain inline content read without it); ``outline`` reads a page of plain headings,
paragraphs and items line by line, without the block parser; ``blocks`` turns either into headings, paragraphs
and list items made of ``pieces`` (text, links, bold text, images), each numbered with its line in the original
file, and splits them into sections. ``tuning`` names the speed tricks, each of which gives exactly what the stock
libraries give and can be switched off, for a benchmark to measure what it earns.
Nothing here knows what a person or a sponsor is.
"""
