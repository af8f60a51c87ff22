// Small and dependency-free: clean filter URLs, the event next to a hovered or focused mark, the live panel.
(function () {
  'use strict';

  // Empty filter fields stay out of the URL, so a shared link says only what was asked.
  document.querySelectorAll('form.filters').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('input, select').forEach(function (el) { if (!el.value) { el.disabled = true; } });
    });
  });

  // Article text: show the events whose evidence covers the hovered or focused mark.
  var detail = document.getElementById('detail');
  if (detail) {
    var current = null;
    var show = function (mark) {
      if (mark === current) { return; }
      document.querySelectorAll('.active, .active-card').forEach(function (el) {
        el.classList.remove('active', 'active-card');
      });
      current = mark;
      detail.textContent = '';
      if (!mark) { return; }
      var ids = mark.getAttribute('data-ev').split(' ');
      document.querySelectorAll('mark.ev').forEach(function (m) {
        var mine = m.getAttribute('data-ev').split(' ');
        if (mine.some(function (id) { return ids.indexOf(id) >= 0; })) { m.classList.add('active'); }
      });
      ids.forEach(function (id) {
        var source = document.getElementById('ev-' + id);
        if (!source) { return; }
        source.classList.add('active-card');
        var copy;
        if (source.tagName === 'TR') {
          copy = document.createElement('p');
          var caption = source.closest('table').querySelector('caption').textContent;
          var cells = Array.prototype.map.call(source.cells, function (c) { return c.textContent; })
            .filter(function (t) { return t; });
          copy.textContent = caption + '：' + cells.slice(0, -1).join(' · ');
        } else {
          copy = source.cloneNode(true);
          copy.removeAttribute('id');
        }
        copy.classList.remove('active-card');
        detail.appendChild(copy);
      });
    };
    var text = document.getElementById('article-text');
    ['mouseover', 'focusin'].forEach(function (type) {
      text.addEventListener(type, function (e) {
        var mark = e.target.closest && e.target.closest('mark.ev');
        if (mark) { show(mark); }
      });
    });
    // A link to evidence (#m-<id>) moves the keyboard focus to the marked text it points at.
    var follow = function () {
      var anchor = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      var mark = anchor && anchor.nextElementSibling;
      while (mark && mark.tagName !== 'MARK') { mark = mark.nextElementSibling; }
      if (mark) { mark.focus(); }
    };
    window.addEventListener('hashchange', follow);
    follow();
  }

  // Live panel: seminars arrive over Server-Sent Events; the browser resumes with Last-Event-ID by itself.
  var list = document.getElementById('live-list');
  if (list && window.EventSource) {
    var state = document.getElementById('live-state');
    var source = new EventSource('/events/stream?type=seminar');
    source.onopen = function () { state.textContent = '已连接：新抽取的研讨会会出现在这里，无需刷新。'; };
    source.onerror = function () {
      state.textContent = source.readyState === EventSource.CLOSED ? '实时更新暂不可用；刷新页面可看到最新内容。'
        : '连接中断，正在重新连接…';
    };
    source.addEventListener('reset', function () {
      state.textContent = '连接恢复；期间可能有遗漏，刷新页面可看到全部。';
    });
    source.addEventListener('seminar', function (e) {
      var s = JSON.parse(e.data);
      // Delivery is at least once and revised articles republish their events: show each seminar once.
      if (list.querySelector('li[data-id="' + (window.CSS ? CSS.escape(s.id) : s.id) + '"]')) { return; }
      var li = document.createElement('li');
      li.className = 'new';
      li.setAttribute('data-id', s.id);
      var link = document.createElement('a');
      link.href = '/seminar/' + encodeURIComponent(s.id);
      link.textContent = s.name || (s.focus ? s.focus + '座谈会' : '座谈会');
      var facts = [s.date, s.city, s.focus].filter(function (x) { return x; }).join(' · ');
      var names = (s.participants || []).map(function (p) { return p.name; }).join('、');
      li.appendChild(link);
      li.appendChild(document.createTextNode((facts ? ' · ' + facts : '') + (names ? '：' + names : '')));
      list.insertBefore(li, list.firstChild);
      while (list.children.length > 20) { list.removeChild(list.lastChild); }
    });
  }
}());
