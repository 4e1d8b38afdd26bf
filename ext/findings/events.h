/*
** events.h -- dated events: every date expression in prose ("On 31 March
** 2005", "in May 2004", "In 2015"), with relative ones ("Two months later")
** resolved against the last absolute date. Dates inside citation parentheses
** ("(Smith, 2015: 120)", "(16 April 2016)") are publication dates and are
** skipped.
*/
#ifndef IBID_EVENTS_H
#define IBID_EVENTS_H
#include <stddef.h>

#include "layers.h"
#include "progress.h"

typedef struct ibid_event {
  char date[11];                          /* "2005-03-31", "2011-02" or "2014" */
  size_t start, length;                   /* the date expression */
  size_t sentence_start, sentence_length; /* its sentence */
  size_t sentence;                        /* its number in ibid_sentences(text), 0 if none */
  int relative;                           /* 1 when resolved from "N months later" */
} ibid_event;

/* Finds the events of the document whose layers (layers.h) are built, in
** order; reads its sentences and cite spans (IBID_LAYERS_SENTENCES |
** IBID_LAYERS_CITES). Returns 0 with *events (free with ibid_free; may be
** NULL when *count is 0), or -1 when out of memory. */
int ibid_find_events_layers(const ibid_layers *layers, ibid_event **events, size_t *count);
/* The same, counting its work on progress (ext/core/progress.h; may be NULL):
** returns 1, with no events, when progress says stop. */
int ibid_find_events_progress(const ibid_layers *layers, ibid_progress *progress,
                              ibid_event **events, size_t *count);
/* The same for a bare text: builds its layers for the call. */
int ibid_find_events(const char *text, size_t length, ibid_event **events, size_t *count);

#endif
