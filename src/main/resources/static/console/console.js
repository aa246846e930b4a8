/*
 * Nocturne console: live progress of running executions, without reloading the page. Any element with
 * data-progress-url is refreshed every data-poll milliseconds from that JSON endpoint (/api/progress, or
 * /api/executions/{id}/progress); with data-reload-when-done the page reloads once when nothing runs any more,
 * to show the final state. Plain DOM, textContent only (no HTML from the server is inserted).
 */
(function () {
    'use strict';

    function cell(row, value, className) {
        var td = document.createElement('td');
        if (className) {
            td.className = className;
        }
        td.textContent = value === null || value === undefined ? '' : String(value);
        row.appendChild(td);
        return td;
    }

    function render(section, executions, busy) {
        var body = section.querySelector('[data-live-body]');
        var table = section.querySelector('[data-live-table]');
        var empty = section.querySelector('[data-live-empty]');
        var busyLine = section.querySelector('[data-live-busy]');
        var base = section.getAttribute('data-base') || '/';
        if (busyLine) {
            busyLine.textContent = busy || '';
            busyLine.classList.toggle('hidden', !busy);
        }
        if (!body) {
            return;
        }
        while (body.firstChild) {
            body.removeChild(body.firstChild);
        }
        var rows = 0;
        executions.forEach(function (execution) {
            var steps = execution.steps && execution.steps.length ? execution.steps : [null];
            steps.forEach(function (step) {
                var row = document.createElement('tr');
                var first = cell(row, '');
                var link = document.createElement('a');
                link.href = base + 'executions/' + execution.id;
                link.textContent = String(execution.id);
                first.appendChild(link);
                cell(row, execution.job);
                cell(row, step ? step.name : '—');
                var status = cell(row, '');
                var badge = document.createElement('span');
                badge.className = 'status ' + (step ? step.css : execution.css);
                badge.textContent = step ? step.label : execution.label;
                status.appendChild(badge);
                cell(row, step ? step.read : 0, 'num');
                cell(row, step ? step.written : 0, 'num');
                cell(row, step ? step.skipped : 0, 'num');
                body.appendChild(row);
                rows++;
            });
        });
        if (table) {
            table.classList.toggle('hidden', rows === 0);
        }
        if (empty) {
            empty.classList.toggle('hidden', rows !== 0 || !empty.textContent);
        }
    }

    function watch(section) {
        var url = section.getAttribute('data-progress-url');
        var every = parseInt(section.getAttribute('data-poll'), 10) || 3000;
        var wasRunning = section.getAttribute('data-running') === 'true';
        var reloadWhenDone = section.hasAttribute('data-reload-when-done');

        function tick() {
            fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error('HTTP ' + response.status);
                    }
                    return response.json();
                })
                .then(function (data) {
                    var executions = Array.isArray(data.executions) ? data.executions : [data];
                    var busy = data.busy || '';
                    var running = busy !== '' || executions.some(function (e) { return e.running; });
                    render(section, executions.filter(function (e) { return e.running || executions.length === 1; }), busy);
                    if (reloadWhenDone && wasRunning && !running) {
                        window.location.reload();
                        return;
                    }
                    wasRunning = wasRunning || running;
                    window.setTimeout(tick, every);
                })
                .catch(function () {
                    window.setTimeout(tick, every * 2);
                });
        }

        window.setTimeout(tick, Math.min(every, 1000));
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('[data-progress-url]').forEach(watch);
    });
})();
