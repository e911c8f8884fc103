/* global window */
// Editor side of the anp/article block: plain JavaScript, no build step.
// The block is dynamic (rendered by PHP on the published page), so the editor
// shows a placeholder and saves nothing.
(function (wp) {
  var el = wp.element.createElement;
  wp.blocks.registerBlockType('anp/article', {
    edit: function () {
      return el(
        'p',
        wp.blockEditor.useBlockProps({ className: 'anp-article-placeholder' }),
        "anp article: this post's meta box, score bars, checklist and similar posts appear here on the published page.",
      );
    },
    save: function () {
      return null;
    },
  });
})(window.wp);
