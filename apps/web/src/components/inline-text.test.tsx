import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineText } from './inline-text';

afterEach(cleanup);

describe('<InlineText>', () => {
  it('shows backticked code as code and everything else as text', () => {
    const { container } = render(<InlineText text="Is `let limit: Int` then `limit = 10` valid? Use <b>care</b> and ` alone" />);
    expect([...container.querySelectorAll('code')].map((node) => node.textContent)).toEqual(['let limit: Int', 'limit = 10']);
    expect(container.textContent).toBe('Is let limit: Int then limit = 10 valid? Use <b>care</b> and ` alone');
    expect(container.querySelector('b')).toBeNull();
  });
});
