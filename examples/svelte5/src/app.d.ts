// Every anp tag in svelte/elements: svelte-check checks the attributes given to it.
import type {} from 'anp-components/svelte';
