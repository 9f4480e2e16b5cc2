console.log('marketprophit-rx');
