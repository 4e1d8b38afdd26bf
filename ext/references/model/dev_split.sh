#!/bin/sh
# Development split for the reference labeller: trains on the training data of
# `make model` without a fifth of its good.xml part (build/good_dev.xml:
# references 0, 5, 10, ... of build/good_train.xml), writes the weights to
# ext/references/refmodel_weights.c and scores good_dev.xml. Work on the
# errors of this fifth; build/good_heldout.xml stays for confirming only.
# Run `make model` afterwards to restore the shipped weights.
# Usage: sh ext/references/model/dev_split.sh [EPOCHS]   (from the repository root)
set -e
PYTHON=${PYTHON:-/usr/bin/python3}
ANYSTYLE=${ANYSTYLE:-../shared/eval/anystyle}
GROBID=${GROBID:-../shared/eval/grobid}
M=ext/references/model
mkdir -p build
cc -std=c11 -D_DEFAULT_SOURCE -O2 -Iext -Iext/core -Iext/references -o build/train_refmodel \
  $M/train_refmodel.c ext/references/reftokens.c ext/references/refmodel_lexicon.c tests/support/memory_libc.c -lm
[ -s build/grobid_corpus.xml ] || $PYTHON $M/grobid_to_anystyle.py $GROBID/citation/corpus > build/grobid_corpus.xml
[ -s build/grobid_evaluation.xml ] || $PYTHON $M/grobid_to_anystyle.py $GROBID/citation/evaluation > build/grobid_evaluation.xml
$PYTHON $M/split_anystyle.py $ANYSTYLE/good.xml 2 5 --train > build/good_train.xml
$PYTHON $M/split_anystyle.py $ANYSTYLE/good.xml 2 5 --held-out > build/good_heldout.xml
$PYTHON $M/split_anystyle.py build/good_train.xml 0 5 --train > build/good_devtrain.xml
$PYTHON $M/split_anystyle.py build/good_train.xml 0 5 --held-out > build/good_dev.xml
$PYTHON $M/anystyle_to_training.py $ANYSTYLE/core.xml $ANYSTYLE/core.xml \
  $ANYSTYLE/core.xml build/grobid_corpus.xml build/good_devtrain.xml \
  --exclude build/grobid_evaluation.xml --exclude build/good_heldout.xml \
  --exclude build/good_dev.xml > build/refmodel_devtrain.txt
$PYTHON $M/anystyle_to_training.py build/good_dev.xml > build/refmodel_dev.txt
build/train_refmodel --lexicon build/refmodel_devtrain.txt ext/references/refmodel_lexicon.c
cc -std=c11 -D_DEFAULT_SOURCE -O2 -Iext -Iext/core -Iext/references -o build/train_refmodel \
  $M/train_refmodel.c ext/references/reftokens.c ext/references/refmodel_lexicon.c tests/support/memory_libc.c -lm
build/train_refmodel build/refmodel_devtrain.txt ${1:-25} ext/references/refmodel_weights.c build/refmodel_dev.txt
make -j2 ibid.so >/dev/null
$PYTHON ../shared/eval/score_references.py --ext ./ibid --exclude $ANYSTYLE/core.xml build/good_dev.xml
