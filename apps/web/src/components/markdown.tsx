import type { ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';

// Lesson bodies are Markdown written by the academy's authors. Raw HTML in them is dropped, never rendered;
// fenced code is highlighted by highlight.js (its common grammars: Swift, YAML, Ruby, JSON, shell, XML, …).
// This module (the bulk of the app's code) is loaded only when a lesson is opened: see lesson.tsx.

/** Code scrolls sideways on a phone; tabIndex lets keyboard users scroll it too. */
function CodeBlock({ node: _node, ...props }: ComponentPropsWithoutRef<'pre'> & { node?: unknown }) {
  return <pre tabIndex={0} {...props} />;
}

const components: Components = { pre: CodeBlock };

export default function Markdown(props: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml rehypePlugins={[rehypeHighlight]} components={components}>
        {props.children}
      </ReactMarkdown>
    </div>
  );
}
