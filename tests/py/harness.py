#!/usr/bin/python3
"""Runs the test_* functions of one tests/py file, printing "ok NAME" or "not ok NAME: why".

A test function fails by raising (assert). Gold-data scorers print their precision/recall
tables on stdout (indented lines are shown by tests/run.py) and assert the bar.
"""
import importlib.util, os, sys, traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:
        print('not ok %s (import): %s' % (name, traceback.format_exc().replace('\n', '\n    ')))
        return
    for attribute in sorted(dir(module)):
        function = getattr(module, attribute)
        if attribute.startswith('test_') and callable(function):
            try:
                function()
                print('ok %s.%s' % (name, attribute))
            except Exception:
                why = traceback.format_exc().strip().replace('\n', '\n    ')
                print('not ok %s.%s: %s' % (name, attribute, why))
            sys.stdout.flush()


if __name__ == '__main__':
    main(sys.argv[1])
