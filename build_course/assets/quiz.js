/* Quiz pages work without this script: answers are in <details>. */
