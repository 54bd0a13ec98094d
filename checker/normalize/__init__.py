"""Stage 3: normal forms shared by the later stages: calendars, intervals, transliteration,
and mention patterns that tolerate inflection."""
