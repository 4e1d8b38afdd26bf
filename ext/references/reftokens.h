/*
** reftokens.h -- tokens and hashed features of one reference string, shared
** by the sequence labeller (ext/references/refparse.c) and its trainer
** (ext/references/model/train_refmodel.c) so that both see exactly the same features.
**
** A token is a run of non-space bytes (ASCII whitespace, NBSP and the other
** Unicode spaces separate tokens); labelled data marks fields at token
** boundaries, so one token carries one label.
*/
#ifndef IBID_REFTOKENS_H
#define IBID_REFTOKENS_H
#include <stddef.h>
#include <stdint.h>

typedef struct ibid_reftoken {
  size_t start;  /* byte offset in the reference */
  size_t length; /* bytes */
} ibid_reftoken;

/* Most features one token gets (ibid_reftokens_features writes at most this many). */
#define IBID_REFTOKENS_MAX_FEATURES 56

/*
** Splits text into tokens. Returns an array (free with ibid_free) and sets
** *count; returns NULL with *count 0 when there is no token or memory ran out
** (*failed is set to 1 in the second case).
*/
ibid_reftoken *ibid_reftokens_split(const char *text, size_t length, size_t *count, int *failed);

/*
** Writes the hashed features of every token: token i gets its features (values
** in [0, buckets), buckets a power of two) in
** features[i * IBID_REFTOKENS_MAX_FEATURES ...] and their number in
** feature_counts[i]. Features look at the token, its neighbours and what
** precedes it in the string (open quotes, brackets, periods, a year), in one
** pass. Returns 0, or -1 when memory ran out.
*/
int ibid_reftokens_features(const char *text, const ibid_reftoken *tokens, size_t count,
                            uint32_t buckets, uint32_t *features, uint8_t *feature_counts);

#endif
