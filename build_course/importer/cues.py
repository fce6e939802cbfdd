"""The only words the importer knows (its one table of cue words).

Structure is found from shape: numbering, indentation, repetition, line
length and punctuation. Where a word is the only signal (a heading that
announces an exercise, a line of share buttons), the word lives here, in one
table, so that an author can see and extend it. Every pattern is matched
case-insensitively against a whole line (or its start, where noted).
"""

import re

# A heading that starts an exercise (its numbered questions become a quiz).
EXERCISE_HEADING = re.compile(
    r"^(check for understanding|exercises?|practice|activity|quiz|self[- ]?check"
    r"|review questions|questions|worksheet|test your(self| knowledge)|knowledge check)\b",
    re.I,
)
# A line that introduces the answer list of an exercise.
ANSWERS_HEADING = re.compile(r"^(answers?|answer key|solutions?|key)\s*:?$", re.I)
# A heading whose list is the lesson's objectives.
GOALS_HEADING = re.compile(
    r"^(lesson goals|goals|objectives|learning objectives|learning outcomes"
    r"|in this lesson|you will learn)\s*:?$", re.I)
# A heading whose list is a reading list (rendered as references).
READINGS_HEADING = re.compile(
    r"^(relevant readings?|readings?|references?|further reading|bibliography|sources)\s*:?$",
    re.I)
# A heading whose lists are activities to do, not questions to answer.
ACTIVITIES_HEADING = re.compile(r"\bactivities\b", re.I)
# An exercise's duration line: "Duration: 5 to 10 minutes."
DURATION = re.compile(r"^(duration|time|estimated time)\s*:\s*(.+?)\s*$", re.I)
# A definition line: "Definition: text".
DEFINITION = re.compile(r"^(definition)\s*:\s*(.+)$", re.I)
# A lesson title line: "Lesson: Title", "Chapter 3 - Title", "Module 2: Title".
TITLE_LABEL = re.compile(
    r"^(?:.*\s)?(lesson|chapter|module|unit|part)\s*(\d+)?\s*(?:[:.\-–—]\s*(.*))?$", re.I)
# An answer that says there is no single right answer: the rest is a model answer.
OPEN_ANSWER = re.compile(r"^answers? (will|may|can) vary\b", re.I)
# Words that make up a line of share buttons copied with a web page.
SHARE_WORDS = frozenset(
    "facebook twitter x linkedin pinterest reddit email e-mail share tweet whatsapp"
    " print copy link tumblr".split())
# Speaker names that are really labels, never dialogue turns.
NOT_SPEAKERS = re.compile(
    r"^(note|tip|warning|example|definition|duration|time|answer|answers|question"
    r"|scenario|questions|source|step \d+|case \d+|lesson|chapter|module|unit|part)$", re.I)
# A page number on a line of its own: "8", "Page 3 of 10", "- 4 -", "xii".
PAGE_NUMBER = re.compile(
    r"^(page\s+)?(\d{1,4}|[ivxlcdm]{1,6})(\s*(of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I)
# A lead-in that names who is quoted next: "... a quote by Peter Drucker, ...:" (searched).
QUOTE_BY = re.compile(r"\bby ([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})")
# Counted lead-ins ("the four steps are as follows:"): the number words, and the pattern.
NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}
COUNTED = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)\s+\w+", re.I)
# Small words that stay lower case in a title ("Handling of Complaints").
SMALL_WORDS = frozenset(
    "a an the and or but nor for of on in at to by with from into over as is are be vs via per"
    " than that its it up out off".split())
