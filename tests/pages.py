"""Small pages written for the export and command tests."""

from __future__ import annotations

# Names and values that CSV must quote (commas, double quotes), non-ASCII text, a legend mark, a person in
# two groups, a month-less event, both kinds of sponsor and a project. It parses without diagnostics.
EXPORTS = """\
---
title: "About"
---

Open Widget Systems Organization (OWS Corp) is a non-profit. Our mission is to make widgets for everyone.

### Directors and officers
"\\*" denotes initiators

[Ada "Countess" Lovelace](https://github.com/ada)\\*, [Grace Hopper](https://hopper.example.org/)

### Project members
[Grace Hopper](https://hopper.example.org/), [José Núñez, Jr.](https://jose.example.org/?a=1,b=2)

## Sponsors and Supporters
OWS is supported by donations from the following institutions:

[Acme, Inc.](https://acme.example.com/), [Globex](https://globex.example.com)

We also thank the following companies which provide API credits to serve their models on Widget Arena:
[Umbrella](https://umbrella.example.com/)

### History
OWS originated from a collaboration involving Univ A and Univ B in 2021.
It was established as a non-profit corporation in March 2023 to incubate "early-stage" projects.

- [WidgetLang](https://github.com/ows/widgetlang)
- [Widget Arena (graduated)](https://arena.example.org/)

### Contact us
- Email us at [ows@example.org](mailto:ows@example.org).
- Follow us on [twitter](https://twitter.com/ows).
"""

# Two warnings (an unknown section, a link with an unsafe scheme) and one info (an item nobody can place).
WARNINGS = """\
---
title: "About"
---

Open Widget Systems Organization (OWS Corp) is a non-profit.

### Team
[Ada Lovelace](https://ada.example.org/), [Grace Hopper](javascript:alert(1))

### Gallery
- a picture of the office
"""
