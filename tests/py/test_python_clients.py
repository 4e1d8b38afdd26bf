"""Every Python and sqlite-utils example in docs/python.md (and the README's Python snippet)
runs and prints what the page says.

The examples run in order, in one scratch folder that holds `ibid.so` (a link to the
extension under test) and `tests` (a link to the repository's), so `./ibid`, `papers.db`
and `tests/corpus/...` mean there what they mean at the repository root. A ```python or
```sh block followed by a ```text block must print exactly that text; a ```sh block runs
each line as one command.
"""
import os, re, shutil, subprocess, tempfile
from ibidtest import ROOT, EXTENSION

BLOCK = re.compile(r'```(python|sh)\n(.*?)```(?:\s*\n```text\n(.*?)```)?', re.S)


def scratch_folder():
    folder = tempfile.mkdtemp(prefix='ibid_clients_')
    extension = EXTENSION if os.path.isabs(EXTENSION) else os.path.join(ROOT, EXTENSION)
    os.symlink(extension + '.so', os.path.join(folder, 'ibid.so'))
    os.symlink(os.path.join(ROOT, 'tests'), os.path.join(folder, 'tests'))
    return folder


def run_block(language, code, folder):
    if language == 'python':
        commands = [['/usr/bin/python3', '-c', code]]
    else:
        commands = [['bash', '-c', line] for line in code.splitlines() if line.strip()]
    output = ''
    for command in commands:
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        output += result.stdout
    return output


def examples(path):
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        return BLOCK.findall(f.read())


def test_docs_python_examples():
    found = examples('docs/python.md')
    assert sum(1 for language, _, _ in found if language == 'sh') >= 2
    assert sum(1 for language, _, expected in found if language == 'python' and expected) >= 2
    folder = scratch_folder()
    try:
        for language, code, expected in found:
            output = run_block(language, code, folder)
            if expected:
                got = [line.rstrip() for line in output.rstrip('\n').split('\n')]
                want = [line.rstrip() for line in expected.rstrip('\n').split('\n')]
                assert got == want, (code, want, got)
    finally:
        shutil.rmtree(folder)


def test_readme_python_snippet():
    snippets = [code for language, code, _ in examples('README.md') if language == 'python']
    assert snippets, 'README.md has no ```python block'
    folder = scratch_folder()
    try:
        for code in snippets:
            run_block('python', code + "\nprint(db.execute('select count(*) from documents').fetchone()[0])\n",
                      folder)
        assert os.path.exists(os.path.join(folder, 'papers.db'))
    finally:
        shutil.rmtree(folder)
